package dev.envplane.local.vault;

/** The logical operation of a request, derived from the HTTP method as Vault does. */
enum Operation {
    READ, LIST, WRITE, PATCH, DELETE;

    /** POST and PUT mean create when the target does not exist yet and update otherwise. */
    Capability capability(boolean targetExists) {
        return switch (this) {
            case READ -> Capability.READ;
            case LIST -> Capability.LIST;
            case WRITE -> targetExists ? Capability.UPDATE : Capability.CREATE;
            case PATCH -> Capability.PATCH;
            case DELETE -> Capability.DELETE;
        };
    }
}
