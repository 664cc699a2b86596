# A future's done-callbacks are scheduled with call_soon when it is settled, never called
# inline: whoever calls set_result finishes first. A callback added to a future that is
# already done is scheduled too. A waiting task resumes one iteration after the callbacks
# that were registered before it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"cb1 sees {f.result()}"))
    fut.add_done_callback(lambda f: print(f"cb2 sees {f.result()}"))

    async def waiter():
        print(f"waiter got {await fut}")

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    fut.set_result(42)
    print("set_result returned")
    fut.add_done_callback(lambda f: print("cb3, added after done"))
    print("before yielding to the loop")
    await task
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("second set_result: InvalidStateError")


asyncio.run(main())
