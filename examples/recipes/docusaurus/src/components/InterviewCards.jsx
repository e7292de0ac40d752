// Interview Cards in Docusaurus: <InterviewCards topic="security" instance="docs-security" />
// in any .mdx page. Set customFields.interviewCards: 'https://HOST/PATH/' in
// docusaurus.config.js. The script loads once, in the browser only.
import React, { useEffect } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

export default function InterviewCards({ topic, difficulty, instance, deck }) {
  const { siteConfig } = useDocusaurusContext();
  const base = siteConfig.customFields.interviewCards;
  useEffect(() => {
    if (!document.querySelector('script[data-interview-cards-embed]')) {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = `${base}embed.js`;
      script.dataset.interviewCardsEmbed = '';
      document.body.append(script);
    }
  }, [base]);
  return <interview-cards topic={topic} difficulty={difficulty} instance={instance} deck={deck} />;
}
