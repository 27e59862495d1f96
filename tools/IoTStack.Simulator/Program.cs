using IoTStack.Simulator;

return await SimulatorCommand.Create().Parse(args).InvokeAsync();
