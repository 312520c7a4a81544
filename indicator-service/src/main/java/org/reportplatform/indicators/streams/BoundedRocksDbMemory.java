package org.reportplatform.indicators.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB stores of the process together: one LRU block cache shared by every
 * store instance, holding their index and filter blocks too, and a write-buffer manager that charges every memtable
 * to that same cache (docs/adr/0018). By default each store instance has its own 50 MB cache and 3 × 16 MB memtables,
 * which at 4 stores × the task's partitions is unbounded in practice.
 * <p>
 * Kafka Streams creates one instance per store; the cache and the manager are made once, from the first store's
 * configuration, and live as long as the process: closing a store must not close them.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The bytes of block cache and memtables together, for all stores (a Kafka Streams config key). */
    private static final String TOTAL_BYTES = "rocksdb.bounded.memory.total.bytes";
    /** The part of {@link #TOTAL_BYTES} memtables may take before RocksDB flushes them. */
    private static final String MEMTABLE_BYTES = "rocksdb.bounded.memory.memtable.bytes";

    private static final long DEFAULT_TOTAL_BYTES = 40L << 20;
    private static final long DEFAULT_MEMTABLE_BYTES = 10L << 20;
    /** Index and filter blocks go to the high-priority pool: evicting them would cost a disk read per lookup. */
    private static final double HIGH_PRIORITY_RATIO = 0.1;
    private static final long MEMTABLE_SIZE = 4L << 20;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(configs));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBufferManager);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(2);
    }

    private static synchronized Cache sharedCache(Map<String, Object> configs) {
        if (cache == null) {
            long total = bytes(configs, TOTAL_BYTES, DEFAULT_TOTAL_BYTES);
            long memtables = bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES);
            cache = new LRUCache(total, -1, false, HIGH_PRIORITY_RATIO);
            writeBufferManager = new WriteBufferManager(memtables, cache);
        }
        return cache;
    }

    private static long bytes(Map<String, Object> configs, String key, long otherwise) {
        Object value = configs.get(key);
        return value == null ? otherwise : Long.parseLong(value.toString().trim());
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: they outlive each one
    }
}
