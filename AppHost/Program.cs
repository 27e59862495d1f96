var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var db = postgres.AddDatabase("iotdb");
var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();

var orleans = builder.AddOrleans("iot-cluster")
    .WithClustering(db)
    .WithReminders(db)
    .WithGrainStorage("Default", db);

// The Silo applies the database migrations, so everything that uses the schema waits for it.
var silo = builder.AddProject<Projects.IoTStack_Silo>("silo")
    .WithHttpEndpoint()
    .WithReference(db).WaitFor(db)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(orleans)
    .WithReplicas(builder.Configuration.GetValue("Silo:Replicas", 1));

builder.AddProject<Projects.IoTStack_Api>("api")
    .WithHttpEndpoint(port: 5080)
    .WithExternalHttpEndpoints()
    .WithReference(db)
    .WithReference(orleans.AsClient())
    .WaitFor(silo);

builder.AddProject<Projects.IoTStack_Ingest>("ingest")
    .WithHttpEndpoint(port: 5081)
    .WithEndpoint("mqtt", port: 1883, env: "Mqtt__Port", isExternal: true)
    .WithExternalHttpEndpoints()
    .WithReference(db)
    .WithReference(messaging)
    .WaitFor(silo)
    .WithReplicas(builder.Configuration.GetValue("Ingest:Replicas", 1));

builder.AddGrafana("grafana", port: 3000)
    .WithProvisioning("../Grafana/provisioning")
    .WithReference(db);

builder.Build().Run();
