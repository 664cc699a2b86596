# The snapshot rule: an iteration runs only the callbacks that were ready when it began.
# A callback scheduled meanwhile waits for the next iteration, behind a timer that fell due.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def first():
        print("first (iteration 1)")
        loop.call_soon(print, "scheduled by first (iteration 2)")

    def second():
        print("second (iteration 1)")

    def chain(n):
        print(f"chain {n}")
        if n < 3:
            loop.call_soon(chain, n + 1)
        else:
            done.set_result(None)

    loop.call_soon(first)
    loop.call_soon(second)
    loop.call_soon(chain, 1)
    await done
    print("main done")


asyncio.run(main())
