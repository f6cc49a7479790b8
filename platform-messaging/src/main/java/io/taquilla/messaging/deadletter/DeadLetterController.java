package io.taquilla.messaging.deadletter;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/admin/dead-letters} in every service that consumes (platform admins only: the
 * service's security guards {@code /api/admin/**}). Through the gateway it is
 * {@code /api/admin/<service>/dead-letters}; {@code ./taquilla dlt} calls it.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetterAdmin admin;

    public DeadLetterController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    public List<DeadLetter> list(@RequestParam(defaultValue = "false") boolean all,
                                 @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 10000");
        }
        return admin.list(all, limit);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    public DeadLetter show(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return admin.show(topic, partition, offset).orElseThrow(() -> notFound(topic, partition, offset));
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    public DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return admin.replay(topic, partition, offset).orElseThrow(() -> notFound(topic, partition, offset));
    }

    /** Replays every letter of this service not replayed yet. */
    @PostMapping("/replay")
    public DeadLetterAdmin.ReplayReport replayAll() {
        return admin.replayPending();
    }

    private ResponseStatusException notFound(String topic, int partition, long offset) {
        String why = admin.dltTopics().contains(topic) ? "no dead letter at " + topic + "/" + partition + "/" + offset
                : topic + " is not a dead-letter topic of this service (it has " + admin.dltTopics() + ")";
        return new ResponseStatusException(HttpStatus.NOT_FOUND, why);
    }
}
