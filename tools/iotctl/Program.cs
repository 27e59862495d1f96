using IoTStack.Cli;

return await IotctlApp.RunAsync(args);
