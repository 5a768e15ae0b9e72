package dev.cdkbootstrap.it;

/** A cdk-app.yml with a pipeline and one set (dev with a policy file, prod with the default policy). */
final class Samples {
    static final String PIPELINE = "999999999999";
    static final String DEV = "111111111111";
    static final String PROD = "222222222222";

    static final String CONFIG = """
            cdk_app_config:
              app_prefix: mlops-cdk
              pipeline:
                account: "999999999999"
                region: eu-west-1
              deployments:
                - set_name: ml
                  stages:
                    - stage_name: dev
                      account: "111111111111"
                      bootstrap:
                        execution_policy_filepath: policies/dev.json
                    - stage_name: prod
                      account: "222222222222"
            """;

    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cloudformation:*", "Resource": "*"}]}
            """;

    static String policy(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    private Samples() {}
}
