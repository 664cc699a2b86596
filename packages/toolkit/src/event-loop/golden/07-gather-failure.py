# gather fails as soon as one child fails; the other children are not cancelled and go on.
import asyncio


async def fails():
    await asyncio.sleep(0.01)
    print("fails raises")
    raise ValueError("boom")


async def slow():
    await asyncio.sleep(0.03)
    print("slow done")
    return "slow"


async def main():
    t = asyncio.create_task(slow())
    try:
        await asyncio.gather(fails(), t)
    except ValueError as e:
        print(f"main caught {e}")
    print(f"slow cancelled: {str(t.cancelled()).lower()}")
    print(f"slow result: {await t}")
    print(f"gather of results: {await asyncio.gather(asyncio.sleep(0.01, 'x'), asyncio.sleep(0, 'y'))}")


asyncio.run(main())
