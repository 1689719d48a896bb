namespace Platform.AppHost.Infrastructure;

/// <summary>Where PostgreSQL, RabbitMQ, Mosquitto (and Keycloak) come from.</summary>
public enum HostingMode
{
    /// <summary>Containers when a container runtime answers, local executables otherwise.</summary>
    Auto,

    /// <summary>Debian-packaged servers started as executables on 127.0.0.1, no Docker needed.</summary>
    Local,

    /// <summary>Containers, Keycloak included.</summary>
    Containers,
}
