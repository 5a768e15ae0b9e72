package dev.cdkbootstrap.it;

import org.junit.jupiter.api.extension.RegisterExtension;

class LocalStackRunServicesIT extends RunServicesITBase {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.localStack();

    @Override
    protected Emulator emulator() {
        return EMULATOR;
    }
}
