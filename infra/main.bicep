// IoTStack on Azure Container Apps, provisioned by `azd up`. Parameter and output names follow the Aspire
// manifest's resources (AppHost: --publisher manifest): postgres-password → postgresPassword, ingest → ingest*.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; prefixes the resource group and every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@secure()
@description('Administrator password of the PostgreSQL server (manifest: postgres-password).')
param postgresPassword string

@secure()
@description('Password of the RabbitMQ user "iotstack" (manifest: messaging-password).')
param messagingPassword string

@secure()
@description('Key that signs Api tokens (manifest: api-signing-key).')
param apiSigningKey string

@secure()
@description('Password of the first Api administrator (manifest: api-admin-password).')
param apiAdminPassword string

@secure()
@description('Password of the read-only PostgreSQL login Grafana uses (manifest: grafana-login-password).')
param grafanaLoginPassword string

@secure()
@description('Password of the Grafana "admin" user (manifest: grafana-admin-password).')
param grafanaAdminPassword string

@description('Orleans cluster id (manifest: iot-cluster-cluster-id); one per deployment.')
param iotClusterClusterId string = 'iot-cluster-${environmentName}'

@description('Orleans service id (manifest: iot-cluster-service-id); stable across deployments, keys grain state.')
param iotClusterServiceId string = 'iot-cluster'

@minValue(2)
@description('Silo replicas (the AppHost\'s Silo:Replicas); two or more so one can fail or be upgraded.')
param siloReplicas int = 3

@minValue(1)
@description('Ingest replicas (the AppHost\'s Ingest:Replicas).')
param ingestReplicas int = 2

@description('Images azd pushed; azd fills them from SERVICE_<NAME>_IMAGE_NAME after the first deploy.')
param siloImage string = ''
param apiImage string = ''
param ingestImage string = ''
param grafanaImage string = ''

var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module stack 'resources.bicep' = {
  name: 'iotstack'
  scope: group
  params: {
    location: location
    tags: tags
    postgresPassword: postgresPassword
    messagingPassword: messagingPassword
    apiSigningKey: apiSigningKey
    apiAdminPassword: apiAdminPassword
    grafanaLoginPassword: grafanaLoginPassword
    grafanaAdminPassword: grafanaAdminPassword
    iotClusterClusterId: iotClusterClusterId
    iotClusterServiceId: iotClusterServiceId
    siloReplicas: siloReplicas
    ingestReplicas: ingestReplicas
    siloImage: siloImage
    apiImage: apiImage
    ingestImage: ingestImage
    grafanaImage: grafanaImage
  }
}

// azd reads these (upper-case names) to push images and deploy each service into its container app.
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = stack.outputs.registryEndpoint
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = stack.outputs.environmentId
output AZURE_KEY_VAULT_NAME string = stack.outputs.keyVaultName
output MANAGED_IDENTITY_CLIENT_ID string = stack.outputs.identityClientId

// One output per manifest resource.
output postgresHost string = stack.outputs.postgresHost
output iotdbDatabase string = stack.outputs.iotdbDatabase
output messagingHost string = stack.outputs.messagingHost
output siloApp string = stack.outputs.siloApp
output apiUrl string = stack.outputs.apiUrl
output ingestUrl string = stack.outputs.ingestUrl
output ingestMqttHost string = stack.outputs.ingestMqttHost
output grafanaUrl string = stack.outputs.grafanaUrl
