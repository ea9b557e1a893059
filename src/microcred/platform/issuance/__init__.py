"""The issuance app: awards of approved micro-credentials to learners, their signed
credentials and the status lists that revoke them."""
