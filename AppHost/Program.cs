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

// Generated once and kept in the state folder: tokens survive restarts; the first admin's password is printed once.
var signingKey = builder.AddGeneratedParameter("api-signing-key", new GenerateOptions(48));
var adminPassword = builder.AddGeneratedParameter("api-admin-password", new GenerateOptions(22, PrintWhenGenerated: true));

builder.AddProject<Projects.IoTStack_Api>("api")
    .WithHttpEndpoint(port: 5080)
    .WithExternalHttpEndpoints()
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithEnvironment("Auth__AdminPassword", adminPassword)
    .WithReference(db)
    .WithReference(messaging)
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

// Grafana reads through a login that only holds the reader role, never as the database owner.
var grafanaLogin = db.AddLogin("grafana-login", userName: "iotstack_grafana", memberOf: "iotstack_reader");
builder.AddGrafana("grafana", port: 3000)
    .WithProvisioning("../Grafana/provisioning")
    .WithDashboards("../Grafana/dashboards")
    .WithDataSource(grafanaLogin);

builder.Build().Run();
