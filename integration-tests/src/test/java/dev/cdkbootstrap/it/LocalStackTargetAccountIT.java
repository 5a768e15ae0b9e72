package dev.cdkbootstrap.it;

import org.junit.jupiter.api.extension.RegisterExtension;

class LocalStackTargetAccountIT extends TargetAccountITBase {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.localStack();

    @Override
    protected Emulator emulator() {
        return EMULATOR;
    }
}
