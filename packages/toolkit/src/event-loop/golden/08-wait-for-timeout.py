# wait_for: on timeout the awaited task is cancelled and wait_for waits until it has
# finished (its finally ran) before raising TimeoutError. In time, it returns the result.
import asyncio


async def work(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name} finished")
        return name
    finally:
        print(f"{name} finally")


async def main():
    print(f"quick result: {await asyncio.wait_for(work('quick', 0.01), 0.05)}")
    try:
        await asyncio.wait_for(work('slow', 1), 0.01)
    except asyncio.TimeoutError:
        print("slow timed out")
    try:
        await asyncio.wait_for(work('instant', 1), 0)
    except asyncio.TimeoutError:
        print("instant timed out")


asyncio.run(main())
