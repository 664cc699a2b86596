# A task that catches CancelledError and carries on is not cancelled: it finishes normally.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn caught CancelledError, carries on")
    await asyncio.sleep(0.01)
    print("stubborn finishes")
    return "kept going"


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    task.cancel()
    result = await task
    print(f"result: {result}")
    print(f"cancelled: {str(task.cancelled()).lower()}")
    print(f"cancelling: {task.cancelling()}")


asyncio.run(main())
