package org.edgeway.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The Arquillian deployment of a services test: the product EAR without the console WAR (its login filter would
 * stand in front of Arquillian's servlet, which Arquillian then adds as its own protocol WAR), plus the test's
 * classes as a library.
 */
public final class ServicesDeployment {

    private ServicesDeployment() {
    }

    /** {@code name} names the application and the test jar, e.g. {@code calls-it}. */
    public static EnterpriseArchive of(String name, Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/edgeway.ear"));
        ear.delete("/web-admin.war");
        ear.setApplicationXML(new StringAsset("""
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <display-name>edgeway-%s</display-name>
                  <module><ejb>ejb-services.jar</ejb></module>
                  <library-directory>lib</library-directory>
                </application>""".formatted(name)));
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, name + ".jar").addClasses(testClasses));
        return ear;
    }
}
