# callSoon runs in FIFO order before any timer; timers run by deadline, not by the order
# they were set; call_later(0) is a timer, so it runs after the callbacks already ready.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.03, print, "later 30")
    loop.call_later(0.01, print, "later 10")
    loop.call_later(0.02, print, "later 20")
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon 1")
    loop.call_soon(print, "soon 2")
    loop.call_later(0.04, done.set_result, None)
    print("main waits")
    await done
    print("main done")


asyncio.run(main())
