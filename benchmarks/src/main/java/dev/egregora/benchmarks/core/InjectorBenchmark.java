package dev.egregora.benchmarks.core;

import com.google.inject.Injector;
import dev.egregora.cli.inject.EgregoraInjector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Start-up latency every command pays once: creating the application injector (all modules, production stage).
 * Single-shot in fresh forks measures the cold cost a user sees; average time measures the warm cost.
 *
 * <p>{@code ./bench core}
 */
@Fork(3)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InjectorBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Injector coldCreate() {
        return EgregoraInjector.create();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Injector warmCreate() {
        return EgregoraInjector.create();
    }
}
