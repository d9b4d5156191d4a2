package org.sysnerd.dockerlabs.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;

/** Hands a lab's methods what they use: the host's facts, the engine, the page's containers ({@link Page}), its evidence. */
final class LabParameters implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == HostFacts.class || type == Evidence.class || type == MemoryHog.class || type == Engine.class
                || type == Subject.class && parameter.isAnnotated(Page.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == HostFacts.class) {
            return LabContainers.of(context).host(KitRun.of(context));
        } else if (type == Evidence.class) {
            return new Evidence(context);
        } else if (type == Engine.class) {
            return KitRun.of(context).engine();
        } else if (type == MemoryHog.class) {
            return LabContainers.of(context).hog();
        }
        return LabContainers.of(context).subject(parameter.findAnnotation(Page.class).orElseThrow().value());
    }
}
