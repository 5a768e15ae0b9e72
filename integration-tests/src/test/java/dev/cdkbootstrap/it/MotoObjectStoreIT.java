package dev.cdkbootstrap.it;

import org.junit.jupiter.api.extension.RegisterExtension;

class MotoObjectStoreIT extends ObjectStoreITBase {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.moto();

    @Override
    protected Emulator emulator() {
        return EMULATOR;
    }
}
