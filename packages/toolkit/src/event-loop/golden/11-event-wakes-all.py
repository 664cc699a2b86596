# Event.set() wakes every waiter, in the order they started waiting; wait() on a set event
# returns at once; clear() makes wait() block again.
import asyncio


async def waiter(name, event):
    print(f"{name} waits")
    await event.wait()
    print(f"{name} woke")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.01)
    print("set")
    event.set()
    print(f"is_set: {str(event.is_set()).lower()}")
    await asyncio.gather(*tasks)
    await waiter("after set", event)
    event.clear()
    late = asyncio.create_task(waiter("after clear", event))
    await asyncio.sleep(0.01)
    print("set again")
    event.set()
    await late


asyncio.run(main())
