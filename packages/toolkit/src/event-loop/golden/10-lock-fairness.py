# Lock: waiters get the lock in the order they asked; a task that asks just after a
# release does not overtake the waiter that release woke.
import asyncio


async def user(name, lock, hold):
    print(f"{name} asks")
    async with lock:
        print(f"{name} holds")
        for _ in range(hold):
            await asyncio.sleep(0)
    print(f"{name} released")


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(user(n, lock, 2)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    late = asyncio.create_task(user("late", lock, 0))
    await asyncio.gather(*tasks, late)
    print(f"locked at the end: {str(lock.locked()).lower()}")


asyncio.run(main())
