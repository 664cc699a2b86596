# task.cancel() throws CancelledError into the task at the await where it sleeps; the task
# can see it and clean up, its finally runs, and the awaiting side sees it cancelled.
import asyncio


async def sleeper():
    print("sleeper starts")
    try:
        await asyncio.sleep(10)
        print("sleeper woke (never)")
    except asyncio.CancelledError as e:
        print(f"sleeper got CancelledError: {e.args[0] if e.args else ''}")
        raise
    finally:
        print("sleeper finally")


async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print(f"cancel returns {str(task.cancel('enough')).lower()}")
    print(f"cancelled right after cancel(): {str(task.cancelled()).lower()}")
    try:
        await task
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print(f"cancelled now: {str(task.cancelled()).lower()}")
    print(f"cancel again returns {str(task.cancel()).lower()}")


asyncio.run(main())
