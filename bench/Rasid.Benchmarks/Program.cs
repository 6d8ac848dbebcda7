// Throughput benchmarks in domain units (MB/s, documents/s, peak memory). See bench/README.md.
Console.WriteLine("Rasid benchmarks: pass a suite name (see bench/README.md).");
