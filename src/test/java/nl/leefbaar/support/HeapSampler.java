package nl.leefbaar.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The used heap, sampled every 20 ms while it runs, for the benchmarks' peak heap. Each
 * heap pool peaks at a moment of its own, so the sum of the pools' peaks is only an upper
 * bound (it can exceed -Xmx); the sample is what the heap actually held, give or take 20
 * ms.
 */
public final class HeapSampler implements AutoCloseable {

	private final AtomicLong peak = new AtomicLong();

	private final Thread thread;

	private HeapSampler() {
		thread = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "heap-sampler");
		thread.setDaemon(true);
	}

	/** Starts sampling, with the pools' peaks reset. */
	public static HeapSampler start() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		HeapSampler sampler = new HeapSampler();
		sampler.thread.start();
		return sampler;
	}

	public long sampledPeakBytes() {
		return peak.get();
	}

	/** The sum of the heap pools' peaks since the start: an upper bound. */
	public static long poolPeaksBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	@Override
	public void close() {
		thread.interrupt();
	}

}
