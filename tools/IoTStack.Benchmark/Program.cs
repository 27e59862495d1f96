using IoTStack.Benchmark;

return await BenchmarkCommand.Create().Parse(args).InvokeAsync();
