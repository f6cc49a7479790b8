package io.taquilla.scanner.door;

import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The device a scan is attributed to: the token's {@code device_id}, bound at door sign-in. What
 * a client writes in the body cannot move a scan (or a throttle) onto another device.
 */
public final class DoorDevice {

    private DoorDevice() {
    }

    /** The token's device; 403 when the token has none, 400 when the body names a different one. */
    public static String of(StaffCaller door, String claimedInBody) {
        String device = door.deviceId();
        if (device == null || device.isBlank()) {
            throw StaffCaller.forbidden("Scanning needs a door token bound to a registered device (device_id)");
        }
        if (claimedInBody != null && !claimedInBody.equals(device)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "device-mismatch", "Invalid request",
                    "deviceId " + claimedInBody + " is not the device your token was issued to; leave it out")
                    .with("errors", List.of(Map.of("field", "deviceId", "message", "does not match the token")));
        }
        return device;
    }
}
