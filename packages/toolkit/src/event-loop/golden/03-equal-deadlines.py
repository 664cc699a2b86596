# Timers due at the same moment. asyncio's documentation leaves their order undefined
# ("it is undefined which will be called first"): its heap compares `when` only. With
# exactly these three ties in the heap CPython happens to keep the order they were set,
# the order our loop guarantees for any number of ties (it breaks ties by a sequence
# number). Add one later timer to the heap and CPython 3.11 prints A C B; with eight ties
# it prints A C G F H B D E — so this scenario keeps the heap to the three ties.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    when = loop.time() + 0.01
    loop.call_at(when, print, "tie A")
    loop.call_at(when, print, "tie B")

    def last():
        print("tie C")
        done.set_result(None)

    loop.call_at(when, last)
    await done
    print("main done")


asyncio.run(main())
