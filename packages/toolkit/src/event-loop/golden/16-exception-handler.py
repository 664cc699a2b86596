# An exception in a plain callback does not stop the loop: it goes to the exception
# handler, and the next callbacks run.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(
        lambda loop, context: print(f"handler got {type(context['exception']).__name__}: {context['exception']}")
    )

    def bad():
        raise ValueError("bad callback")

    done = loop.create_future()
    loop.call_soon(print, "before")
    loop.call_soon(bad)
    loop.call_soon(print, "after")
    loop.call_later(0.01, done.set_result, None)
    await done
    print("main done")


asyncio.run(main())
