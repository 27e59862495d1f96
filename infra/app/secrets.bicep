// Every secret the apps use lives in Key Vault; apps reference them through their managed identity.

param keyVaultName string

@secure()
@description('Secret name → value.')
param values object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for item in items(values): {
  parent: vault
  name: item.key
  properties: { value: item.value }
}]
