// Everything IoTStack runs on, in one resource group. The topology mirrors the AppHost: postgres/iotdb, messaging,
// silo (Orleans, several replicas), api, ingest (HTTP + MQTT), grafana.

param location string
param tags object

@secure()
param postgresPassword string
@secure()
param messagingPassword string
@secure()
param apiSigningKey string
@secure()
param apiAdminPassword string
@secure()
param grafanaLoginPassword string
@secure()
param grafanaAdminPassword string

param iotClusterClusterId string
param iotClusterServiceId string
param siloReplicas int
param ingestReplicas int

@description('Images azd pushed (empty on the first provision: the apps run a placeholder until azd deploy).')
param siloImage string
param apiImage string
param ingestImage string
param grafanaImage string

var token = uniqueString(resourceGroup().id)
var postgresAdmin = 'iotstack'
var messagingUser = 'iotstack'


module foundation 'app/foundation.bicep' = {
  name: 'foundation'
  params: { location: location, tags: tags, token: token }
}

module postgres 'app/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    tags: tags
    name: 'psql-${token}'
    administratorLogin: postgresAdmin
    administratorPassword: postgresPassword
    databaseName: 'iotdb'
  }
}

module secrets 'app/secrets.bicep' = {
  name: 'secrets'
  params: {
    keyVaultName: foundation.outputs.keyVaultName
    values: {
      'postgres-password': postgresPassword
      'messaging-password': messagingPassword
      'api-signing-key': apiSigningKey
      'api-admin-password': apiAdminPassword
      'grafana-login-password': grafanaLoginPassword
      'grafana-admin-password': grafanaAdminPassword
      'connectionstrings-iotdb': 'Host=${postgres.outputs.host};Port=5432;Database=iotdb;Username=${postgresAdmin};Password=${postgresPassword};SSL Mode=Require'
      'connectionstrings-messaging': 'amqp://${messagingUser}:${messagingPassword}@messaging:5672'
    }
  }
}

var shared = {
  location: location
  tags: tags
  environmentId: foundation.outputs.environmentId
  identityId: foundation.outputs.identityId
  registryServer: foundation.outputs.registryServer
  keyVaultUri: foundation.outputs.keyVaultUri
}

// RabbitMQ keeps its queues on an Azure Files share; one replica (it is one node, not a cluster).
module messaging 'app/containerApp.bicep' = {
  name: 'messaging'
  dependsOn: [ secrets ]
  params: {
    name: 'messaging'
    location: shared.location
    tags: shared.tags
    environmentId: shared.environmentId
    identityId: shared.identityId
    registryServer: shared.registryServer
    keyVaultUri: shared.keyVaultUri
    image: 'docker.io/library/rabbitmq:4-management'
    ingress: { external: false, transport: 'tcp', targetPort: 5672, exposedPort: 5672 }
    keyVaultSecrets: [ 'messaging-password' ]
    env: [
      { name: 'RABBITMQ_DEFAULT_USER', value: messagingUser }
      { name: 'RABBITMQ_DEFAULT_PASS', secretRef: 'messaging-password' }
      // A fixed node name: the data folder is per node name, and replica host names change on every restart.
      { name: 'RABBITMQ_NODENAME', value: 'rabbit@localhost' }
    ]
    volumes: [ { name: 'data', storageType: 'AzureFile', storageName: foundation.outputs.messagingStorageName } ]
    volumeMounts: [ { volumeName: 'data', mountPath: '/var/lib/rabbitmq' } ]
    cpu: '1.0'
    memory: '2Gi'
  }
}

var orleans = [
  { name: 'Orleans__ClusterId', value: iotClusterClusterId }
  { name: 'Orleans__ServiceId', value: iotClusterServiceId }
  { name: 'Orleans__Clustering__ProviderType', value: 'AdoNet' }
  { name: 'Orleans__Clustering__Invariant', value: 'Npgsql' }
  { name: 'Orleans__Clustering__ServiceKey', value: 'iotdb' }
  { name: 'Orleans__Clustering__ConnectionName', value: 'iotdb' }
  { name: 'Orleans__EnableDistributedTracing', value: 'true' }
]
var siloStorage = [for section in [ 'Reminders', 'GrainStorage__Default' ]: [
  { name: 'Orleans__${section}__ProviderType', value: 'AdoNet' }
  { name: 'Orleans__${section}__Invariant', value: 'Npgsql' }
  { name: 'Orleans__${section}__ServiceKey', value: 'iotdb' }
  { name: 'Orleans__${section}__ConnectionName', value: 'iotdb' }
]]
var database = [ { name: 'ConnectionStrings__iotdb', secretRef: 'connectionstrings-iotdb' } ]
var amqp = [ { name: 'ConnectionStrings__messaging', secretRef: 'connectionstrings-messaging' } ]

// Silos find each other in the PostgreSQL membership table and talk replica to replica on 11111; the Api
// reaches them on the gateway port 30000. Internal only.
module silo 'app/containerApp.bicep' = {
  name: 'silo'
  dependsOn: [ secrets, messaging ]
  params: {
    name: 'silo'
    location: shared.location
    tags: shared.tags
    environmentId: shared.environmentId
    identityId: shared.identityId
    registryServer: shared.registryServer
    keyVaultUri: shared.keyVaultUri
    image: siloImage
    ingress: {
      external: false
      transport: 'http'
      targetPort: 8080
      additionalPortMappings: [
        { external: false, targetPort: 11111, exposedPort: 11111 }
        { external: false, targetPort: 30000, exposedPort: 30000 }
      ]
    }
    keyVaultSecrets: [ 'connectionstrings-iotdb', 'connectionstrings-messaging' ]
    env: concat(database, amqp, orleans, flatten(siloStorage), [
      { name: 'Orleans__Endpoints__SiloPort', value: '11111' }
      { name: 'Orleans__Endpoints__GatewayPort', value: '30000' }
    ])
    probePort: 8080
    minReplicas: siloReplicas
    maxReplicas: siloReplicas
    cpu: '1.0'
    memory: '2Gi'
  }
}

module api 'app/containerApp.bicep' = {
  name: 'api'
  dependsOn: [ secrets, silo ]
  params: {
    name: 'api'
    location: shared.location
    tags: shared.tags
    environmentId: shared.environmentId
    identityId: shared.identityId
    registryServer: shared.registryServer
    keyVaultUri: shared.keyVaultUri
    image: apiImage
    ingress: { external: true, transport: 'http', targetPort: 8080 }
    keyVaultSecrets: [ 'connectionstrings-iotdb', 'api-signing-key', 'api-admin-password' ]
    env: concat(database, orleans, [
      { name: 'Auth__SigningKey', secretRef: 'api-signing-key' }
      { name: 'Auth__AdminPassword', secretRef: 'api-admin-password' }
    ])
    probePort: 8080
    minReplicas: 1
    maxReplicas: 3
  }
}

// MQTT devices keep long-lived TCP connections; the external TCP port needs the environment's own VNet.
module ingest 'app/containerApp.bicep' = {
  name: 'ingest'
  dependsOn: [ secrets, silo ]
  params: {
    name: 'ingest'
    location: shared.location
    tags: shared.tags
    environmentId: shared.environmentId
    identityId: shared.identityId
    registryServer: shared.registryServer
    keyVaultUri: shared.keyVaultUri
    image: ingestImage
    ingress: {
      external: true
      transport: 'http'
      targetPort: 8080
      additionalPortMappings: [ { external: true, targetPort: 1883, exposedPort: 1883 } ]
    }
    keyVaultSecrets: [ 'connectionstrings-iotdb', 'connectionstrings-messaging' ]
    env: concat(database, amqp, [ { name: 'Mqtt__Port', value: '1883' } ])
    probePort: 8080
    minReplicas: ingestReplicas
    maxReplicas: ingestReplicas * 2
  }
}

// Grafana's image bakes in Grafana/provisioning and Grafana/dashboards (deploy/grafana/Dockerfile, built by azd).
module grafana 'app/containerApp.bicep' = {
  name: 'grafana'
  dependsOn: [ secrets ]
  params: {
    name: 'grafana'
    location: shared.location
    tags: shared.tags
    environmentId: shared.environmentId
    identityId: shared.identityId
    registryServer: shared.registryServer
    keyVaultUri: shared.keyVaultUri
    image: grafanaImage
    ingress: { external: true, transport: 'http', targetPort: 3000 }
    keyVaultSecrets: [ 'grafana-login-password', 'grafana-admin-password' ]
    env: [
      { name: 'GF_SECURITY_ADMIN_USER', value: 'admin' }
      { name: 'GF_SECURITY_ADMIN_PASSWORD', secretRef: 'grafana-admin-password' }
      { name: 'GF_AUTH_ANONYMOUS_ENABLED', value: 'false' }
      { name: 'GF_ANALYTICS_REPORTING_ENABLED', value: 'false' }
      { name: 'GF_ANALYTICS_CHECK_FOR_UPDATES', value: 'false' }
      { name: 'IOTSTACK_DB_HOST', value: postgres.outputs.host }
      { name: 'IOTSTACK_DB_PORT', value: '5432' }
      { name: 'IOTSTACK_DB_NAME', value: 'iotdb' }
      { name: 'IOTSTACK_DB_USER', value: 'iotstack_grafana' }
      { name: 'IOTSTACK_DB_PASSWORD', secretRef: 'grafana-login-password' }
      { name: 'IOTSTACK_DASHBOARDS_PATH', value: '/var/lib/grafana/dashboards' }
    ]
  }
}

output registryEndpoint string = foundation.outputs.registryServer
output environmentId string = foundation.outputs.environmentId
output keyVaultName string = foundation.outputs.keyVaultName
output identityClientId string = foundation.outputs.identityClientId
output postgresHost string = postgres.outputs.host
output iotdbDatabase string = postgres.outputs.databaseName
output messagingHost string = messaging.outputs.name
output siloApp string = silo.outputs.name
output apiUrl string = 'https://${api.outputs.fqdn}'
output ingestUrl string = 'https://${ingest.outputs.fqdn}'
output ingestMqttHost string = ingest.outputs.fqdn
output grafanaUrl string = 'https://${grafana.outputs.fqdn}'
