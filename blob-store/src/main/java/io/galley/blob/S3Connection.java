package io.galley.blob;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The SDK client and URL signer for one {@link S3BlobStoreSettings}, configured alike. */
record S3Connection(S3Client client, S3Presigner presigner) implements AutoCloseable {

  static S3Connection open(S3BlobStoreSettings settings) {
    AwsCredentialsProvider credentials =
        settings.accessKeyId() == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    S3Configuration s3 =
        S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyleAccess()).build();
    S3ClientBuilder client =
        S3Client.builder()
            // the JDK's HttpURLConnection: streams a body of known length, no extra dependencies
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(s3)
            // we send Content-MD5 ourselves; the SDK's default trailing CRC checksums are not
            // understood by every S3-compatible server
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    S3Presigner.Builder presigner =
        S3Presigner.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(s3);
    settings.endpointOverride().ifPresent(client::endpointOverride);
    settings.endpointOverride().ifPresent(presigner::endpointOverride);
    return new S3Connection(client.build(), presigner.build());
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }
}
