"""Deployment: nginx, systemd, container and Kubernetes files, and the tools that check them."""
