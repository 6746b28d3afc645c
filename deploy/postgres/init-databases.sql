-- one database per service on the compose PostgreSQL (Kubernetes: the CloudNativePG cluster's postInitSQL)
CREATE DATABASE gep_accounting;
CREATE DATABASE gep_registry;
CREATE DATABASE gep_trading;
