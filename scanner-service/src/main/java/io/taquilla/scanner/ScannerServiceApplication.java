package io.taquilla.scanner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The door: validates QR codes and admits each ticket once. */
@SpringBootApplication
public class ScannerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScannerServiceApplication.class, args);
    }
}
