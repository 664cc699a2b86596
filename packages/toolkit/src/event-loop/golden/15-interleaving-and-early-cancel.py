# Two tasks that give way with sleep(0) take turns, one step per iteration. A task
# cancelled before its first step never runs a line of its body.
import asyncio


async def counter(name, n):
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    return name


async def never():
    print("never runs")


async def main():
    early = asyncio.create_task(never())
    early.cancel()
    print(f"results {await asyncio.gather(counter('a', 3), counter('b', 2))}")
    print(f"early cancelled: {str(early.cancelled()).lower()}")


asyncio.run(main())
