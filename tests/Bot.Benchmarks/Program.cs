using BenchmarkDotNet.Running;
using Bot.Benchmarks;

// dotnet run -c Release --project tests/Bot.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project tests/Bot.Benchmarks -- latency            p50/p95/p99 over every gold question
if (args is ["latency", ..])
{
    return LatencyProbe.Run(System.Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(AnswerLatencyBenchmarks).Assembly).Run(args);
return 0;
