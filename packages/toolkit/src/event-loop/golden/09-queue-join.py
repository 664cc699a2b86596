# A bounded queue between one producer and two consumers; join() returns once every item
# was marked done. Waiting producers and consumers are woken in FIFO order.
import asyncio


async def consumer(name, queue):
    while True:
        item = await queue.get()
        print(f"{name} got {item}")
        await asyncio.sleep(0)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(n, queue)) for n in ("c1", "c2")]
    for i in range(6):
        await queue.put(i)
        print(f"put {i} (size {queue.qsize()})")
    await queue.join()
    print("joined")
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers stopped")


asyncio.run(main())
