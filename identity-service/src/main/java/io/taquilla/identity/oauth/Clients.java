package io.taquilla.identity.oauth;

/** The OAuth client ids of the HELPERS/issue-10 contract. */
public final class Clients {

    /** Organizer console: public, authorization code + PKCE. */
    public static final String CONSOLE = "console";
    /** Door app: public, authorization code + PKCE + refresh tokens; each login registers a device. */
    public static final String DOOR_APP = "door-app";
    /** Authorization request parameter the door app may send to name the device. */
    public static final String DEVICE_NAME = "device_name";

    private Clients() {
    }
}
