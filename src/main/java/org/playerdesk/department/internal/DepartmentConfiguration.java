package org.playerdesk.department.internal;

import org.playerdesk.department.DepartmentSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DepartmentSettings.class)
class DepartmentConfiguration {
}
