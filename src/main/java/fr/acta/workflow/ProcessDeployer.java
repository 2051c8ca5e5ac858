package fr.acta.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process models of the top-level {@code bpmn/} folder (packaged on the class path)
 * before the application takes requests. Duplicate filtering makes a restart, or a second node,
 * deploy nothing new unless a model changed.
 */
@Component
class ProcessDeployer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;

    ProcessDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
        DeploymentBuilder deployment = repository.createDeployment().name("acta").source("bpmn")
                .enableDuplicateFiltering(true);
        for (Resource model : models) {
            try (var in = model.getInputStream()) {
                deployment.addInputStream(model.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            }
        }
        var result = deployment.deploy();
        log.info("Process models deployed from bpmn/: {} ({} models)", result.getId(), models.length);
    }
}
