package io.taquilla.messaging.outbox;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/admin/outbox/parked} in every service (platform admins only, as every
 * {@code /api/admin/**} path): list, show, retry or discard rows the relay parked.
 * {@code ./taquilla outbox} calls it.
 */
@RestController
@RequestMapping("/api/admin/outbox/parked")
public class ParkedRowsController {

    private final ParkedRows parked;

    public ParkedRowsController(ParkedRows parked) {
        this.parked = parked;
    }

    @GetMapping
    public List<ParkedRows.Parked> list() {
        return parked.list();
    }

    @GetMapping("/{id}")
    public ParkedRows.Parked show(@PathVariable UUID id) {
        return parked.show(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/retry")
    public ParkedRows.Parked retry(@PathVariable UUID id) {
        return parked.retry(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/discard")
    public ParkedRows.Parked discard(@PathVariable UUID id) {
        return parked.discard(id).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no parked outbox row " + id);
    }
}
