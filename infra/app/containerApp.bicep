// One IoTStack container app: user-assigned identity (registry pull, Key Vault secrets), secrets referenced from
// Key Vault, and for .NET services the ServiceDefaults probes (/health readiness, /alive liveness).

param name string
param location string
param tags object
param environmentId string
param identityId string
param registryServer string

@description('Image to run; empty until azd has pushed the service\'s image (SERVICE_<NAME>_IMAGE_NAME).')
param image string = ''

@description('Container Apps ingress (HTTP or TCP, external or internal).')
param ingress object

@description('Environment variables: { name, value } or { name, secretRef }.')
param env array = []

@description('Key Vault secret names the app can reference as secretRef.')
param keyVaultSecrets array = []
param keyVaultUri string

param minReplicas int = 1
param maxReplicas int = 1

@description('Probe ServiceDefaults\' /health and /alive on this port (0 = no HTTP probes).')
param probePort int = 0

param volumes array = []
param volumeMounts array = []
param cpu string = '0.5'
param memory string = '1Gi'

// The first `azd provision` runs before any image exists: a placeholder that listens on 80, without our probes.
var placeholder = empty(image)
var probes = probePort == 0 || placeholder ? [] : [
  { type: 'Liveness', httpGet: { path: '/alive', port: probePort }, periodSeconds: 10 }
  { type: 'Readiness', httpGet: { path: '/health', port: probePort }, periodSeconds: 10 }
  { type: 'Startup', httpGet: { path: '/alive', port: probePort }, periodSeconds: 5, failureThreshold: 30 }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': name })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: placeholder ? union(ingress, { targetPort: 80 }) : ingress
      registries: [ { server: registryServer, identity: identityId } ]
      secrets: [for secret in keyVaultSecrets: {
        name: secret
        keyVaultUrl: '${keyVaultUri}secrets/${secret}'
        identity: identityId
      }]
    }
    template: {
      containers: [
        {
          name: name
          image: placeholder ? 'mcr.microsoft.com/k8se/quickstart:latest' : image
          env: env
          probes: probes
          volumeMounts: volumeMounts
          resources: { cpu: json(cpu), memory: memory }
        }
      ]
      scale: { minReplicas: minReplicas, maxReplicas: maxReplicas }
      volumes: volumes
    }
  }
}

output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
