package org.sysnerd.dockerlabs.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Gives a lab's code its context, so that the kit can file evidence under the right lab and test. */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Lab.enter(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Lab.leave();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Lab.enter(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Lab.enter(context.getParent().orElse(context));
    }
}
