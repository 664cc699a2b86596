# Tasks that start tasks: a child starts running only when the loop gets to its first
# step, after the parent yields; awaiting children in reverse order does not change the
# order they run in.
import asyncio


async def leaf(name, seconds):
    print(f"{name} starts")
    await asyncio.sleep(seconds)
    print(f"{name} ends")
    return name


async def branch(name):
    print(f"{name} starts")
    kids = [asyncio.create_task(leaf(f"{name}.{i}", 0.01 * i)) for i in (1, 2)]
    print(f"{name} created its children")
    results = [await k for k in reversed(kids)]
    print(f"{name} ends with {results}")
    return results


async def main():
    left = asyncio.create_task(branch("L"))
    right = asyncio.create_task(branch("R"))
    print("main created L and R")
    print(f"main got {await right} then {await left}")


asyncio.run(main())
