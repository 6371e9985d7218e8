package cn.gov.disclosure.support.json;

import cn.gov.disclosure.contracts.ContractsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST bodies use the same JSON settings as the contracts (strict: unknown fields and nulls for numbers refused). */
@Singleton
public class ContractsObjectMapperCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        ContractsJson.configure(mapper);
    }
}
