package cn.gov.disclosure.support.registry;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The organisation registry: {@code registry.file} when set (a site's own file), else the one packaged with contracts. */
public class RegistryProducer {

    @Produces
    @Singleton
    OrganisationRegistry registry(@ConfigProperty(name = "registry.file") Optional<String> file) {
        return file.filter(f -> !f.isBlank())
                .map(f -> OrganisationRegistry.load(Path.of(f)))
                .orElseGet(OrganisationRegistry::load);
    }
}
