# Cancelling a task that waits for a future cancels that future too; the task's wake-up is
# a done-callback of the future, so it resumes one iteration later, with CancelledError.
import asyncio


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("waiter got CancelledError")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"future callback: cancelled={str(f.cancelled()).lower()}"))
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    task.cancel()
    print(f"future cancelled at once: {str(fut.cancelled()).lower()}")
    try:
        await task
    except asyncio.CancelledError:
        print("main saw CancelledError")


asyncio.run(main())
