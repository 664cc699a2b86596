# Semaphore(2): at most two jobs at once; the others wait and get permits in FIFO order.
import asyncio


async def job(name, sem, seconds):
    print(f"{name} waits")
    async with sem:
        print(f"{name} runs")
        await asyncio.sleep(seconds)
        print(f"{name} done")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(
        job("j1", sem, 0.03), job("j2", sem, 0.01), job("j3", sem, 0.01), job("j4", sem, 0.01)
    )
    print(f"locked at the end: {str(sem.locked()).lower()}")


asyncio.run(main())
